package dev.breakdown.chatweb.assistant;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configured chat model is made when the assistant first needs it, not at start: building OpenAI's client
 * loads some 2,000 classes (Kotlin reflection, the SDK's Jackson), a second of CPU the page and the activity view
 * do not need, and a server without a model configured never needs.
 */
@Configuration(proxyBeanMethods = false)
class LazyChatModel {
    @Bean
    static BeanFactoryPostProcessor lazyChatModels() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(ChatModel.class, true, false)) {
                beanFactory.getBeanDefinition(name).setLazyInit(true);
            }
        };
    }
}
